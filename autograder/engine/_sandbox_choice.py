"""The containment engineer's sandbox, or the fallback that only changes folder until it lands."""

try:
    from .sandbox import Limits, SandboxError, enter_sandbox, kill_sandbox
except ImportError:  # pragma: no cover - only without sandbox.py
    from ._sandbox_fallback import Limits, SandboxError, enter_sandbox, kill_sandbox

__all__ = ["Limits", "SandboxError", "enter_sandbox", "kill_sandbox"]
