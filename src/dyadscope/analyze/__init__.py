"""dyadscope.analyze"""
