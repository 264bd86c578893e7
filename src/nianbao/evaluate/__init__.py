"""Measuring extraction accuracy: metrics, bootstrap intervals, cross-validation, plots."""
