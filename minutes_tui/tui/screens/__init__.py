"""Screens: the live screen, and the modals and pages it opens."""
