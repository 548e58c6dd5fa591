"""Converters, government-style data generators, config and train/evaluate scripts."""
