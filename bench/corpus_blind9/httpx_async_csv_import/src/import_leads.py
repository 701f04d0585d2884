import sys

from bulkimport.importer import main

if __name__ == "__main__":
    main(sys.argv[1:])
