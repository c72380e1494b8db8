# Reference values of the standard normal CDF and quantile for io.meridian.report.stats.NormalTest, from R's pnorm
# and qnorm. Usage: Rscript normal.R X1 X2 ... -- P1 P2 ...   Prints "pnorm,x,value" and "qnorm,p,value" lines.
args <- commandArgs(trailingOnly = TRUE)
split <- which(args == "--")
xs <- as.numeric(args[seq_len(split - 1)])
ps <- as.numeric(args[-seq_len(split)])
for (x in xs) cat("pnorm,", sprintf("%.17g", x), ",", sprintf("%.17g", pnorm(x)), "\n", sep = "")
for (p in ps) cat("qnorm,", sprintf("%.17g", p), ",", sprintf("%.17g", qnorm(p)), "\n", sep = "")
