"""Baselines the model is measured against: rules (nianbao.facts.rules) and a CRF."""
