"""The rule language: parsing and validating rule files (spec), loading packs (loader), the rule kinds'
check functions (kinds/), rule docs, self-tests, vocabulary lists and the JSON schemas."""
