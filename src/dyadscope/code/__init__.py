"""dyadscope.code"""
