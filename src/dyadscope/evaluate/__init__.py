"""dyadscope.evaluate"""
