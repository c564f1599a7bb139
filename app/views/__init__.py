"""Views: one module per concern."""
