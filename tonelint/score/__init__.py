"""The scorecard: the measures a draft is scored on and the arithmetic of the score."""
