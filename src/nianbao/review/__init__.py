"""Reviews of findings: confirm or dismiss each FAIL/UNCERTAIN where it is shown
(`nianbao serve`), kept across re-runs in the results database, exported per issuer
(`nianbao review export`) and fed back to the annotators (`annotate push --from-reviews`)."""
from nianbao.review.store import REASONS, STATES, ReviewError, findings, open_db, save_review

__all__ = ["REASONS", "STATES", "ReviewError", "findings", "open_db", "save_review"]
