"""dyadscope.resolve"""
