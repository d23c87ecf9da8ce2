"""dyadscope.store"""
