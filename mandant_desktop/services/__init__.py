"""Use cases: each runs in one unit of work, checks the operator's rights and writes the audit."""
