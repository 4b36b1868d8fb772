"""Run evalsearch as ``python -m evalsearch``."""
from evalsearch.cli import main

main()
