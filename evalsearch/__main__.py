from evalsearch.cli import main

main()
