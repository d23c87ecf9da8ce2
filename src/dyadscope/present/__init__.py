"""dyadscope.present"""
