"""dyadscope.cli"""
