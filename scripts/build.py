"""`make book`: validate the data, execute the chapters (cached), build and publish the HTML book.

All the logic is in the tested package (barometre.build); this script is the entry point
the Makefile calls. Usage: python scripts/build.py [--edition YEAR] [--force] [--jobs N]
"""

import sys

from barometre.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
