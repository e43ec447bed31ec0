"""The outbox page: the mails the program sent or kept (SPEC U4)."""
