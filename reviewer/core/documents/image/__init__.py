"""Pictures given directly (PNG, JPEG, TIFF including multi-page): read by OCR."""
