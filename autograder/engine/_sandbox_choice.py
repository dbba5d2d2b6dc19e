"""The containment engineer's sandbox, or the fallback that only changes folder until it lands."""

try:
    from .sandbox import Limits, enter_sandbox
except ImportError:  # pragma: no cover - only before sandbox.py exists
    from ._sandbox_fallback import Limits, enter_sandbox

try:
    from .sandbox import SandboxError
except ImportError:  # pragma: no cover
    from ._sandbox_fallback import SandboxError

__all__ = ["Limits", "SandboxError", "enter_sandbox"]
