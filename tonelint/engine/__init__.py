"""The checking pipeline for one draft: markup -> spaCy Doc -> facts -> rule checks -> suppressions,
and the fixes built from the findings."""
