"""Site plumbing: the sign-in lockout's client address, static-file storage, system checks."""
