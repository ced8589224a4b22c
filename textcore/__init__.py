"""Pure text processing: no Django, plain data in and out."""
