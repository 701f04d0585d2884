"""Python files through the codemod: one module or notebook in, one FileResult out."""
