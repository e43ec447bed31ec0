"""Demo data: a realistic German back office in an empty database (SPEC section 8, E9)."""

from mandant_desktop.services.demo.config import SCALES, Scale
from mandant_desktop.services.demo.generator import DemoReport, generate_demo
from mandant_desktop.services.demo.people import ADMIN_PASSWORD, ADMIN_USERNAME

__all__ = ["ADMIN_PASSWORD", "ADMIN_USERNAME", "SCALES", "DemoReport", "Scale", "generate_demo"]
