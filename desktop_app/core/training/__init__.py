"""Training: the new output layer (cross-validated, on cached features), fine-tuning the top of the network,
the whole run with its choices and notes, and that run in a child process for the window."""
