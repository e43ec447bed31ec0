"""The audit log page: who changed what, filtered and exported (SPEC S3)."""
