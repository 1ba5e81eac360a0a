"""Turning records into HTML: the Jinja2 environment and the context each template gets."""
