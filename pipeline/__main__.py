"""``python -m pipeline`` runs the ``dealgraph`` command."""

from pipeline.cli import main

main()
