from nhsgraph.cli import main

main(prog_name="nhsgraph")
