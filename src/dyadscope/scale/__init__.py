"""dyadscope.scale"""
