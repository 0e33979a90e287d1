"""Input: reading and decoding drafts, finding them under folders, and writing files back atomically."""
