"""The supervision summary: a PDF the person chooses to make and take with them."""
