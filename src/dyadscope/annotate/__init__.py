"""dyadscope.annotate"""
