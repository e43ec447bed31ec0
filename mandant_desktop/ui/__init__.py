"""The Qt user interface: widgets, dialogs and item models. Talks to services, never to a database."""
