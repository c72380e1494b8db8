# Independent reference for io.meridian.report.stats.ReturnStatistics, written in base R from the formulas (not
# from the Java code). Usage:
#   Rscript statistics.R EQUITY_CSV INTERVAL_S PERIODS_PER_YEAR RF MAR BENCHMARK_SHARPE TRIALS TRIALS_VARIANCE
# EQUITY_CSV has one column "equity". Prints "name,value" lines with 17 significant digits.
args <- commandArgs(trailingOnly = TRUE)
e <- read.csv(args[1])$equity
interval <- as.numeric(args[2]); P <- as.numeric(args[3])
rf <- as.numeric(args[4]) / P; mar <- as.numeric(args[5]) / P
bench <- as.numeric(args[6]) / sqrt(P)
trials <- as.numeric(args[7]); V <- as.numeric(args[8]) / P

r <- e[-1] / e[-length(e)] - 1
n <- length(r)
s <- sd(r)                                   # sample standard deviation (n - 1)
sr <- mean(r - rf) / s                       # per-period Sharpe
dd <- sqrt(mean(pmin(r - mar, 0)^2))         # downside deviation over all returns
m <- mean(r)
m2 <- mean((r - m)^2); m3 <- mean((r - m)^3); m4 <- mean((r - m)^4)
skew <- m3 / m2^1.5
kurt <- m4 / m2^2                            # not excess
total <- e[length(e)] / e[1] - 1
annual <- (1 + total)^(P / n) - 1
peak <- cummax(e)
draw <- 1 - e / peak
mdd <- max(draw)
# duration: from the peak before the deepest trough until equity regains that peak (or the end)
trough <- which.max(draw)
peak_at <- max(which(e[1:trough] == peak[trough]))
after <- which(seq_along(e) > trough & e >= e[peak_at])
end <- if (length(after) > 0) min(after) else length(e)
psr_of <- function(target) pnorm((sr - target) * sqrt(n - 1) / sqrt(1 - skew * sr + (kurt - 1) / 4 * sr^2))
g <- -digamma(1)                             # Euler-Mascheroni constant
sr0 <- sqrt(V) * ((1 - g) * qnorm(1 - 1 / trials) + g * qnorm(1 - 1 / (trials * exp(1))))
out <- c(
  total_return = total, annual_return = annual, annual_volatility = s * sqrt(P),
  sharpe = sr * sqrt(P), sortino = mean(r - mar) / dd * sqrt(P), calmar = annual / mdd,
  max_drawdown = mdd, max_drawdown_duration_s = (end - peak_at) * interval,
  skewness = skew, kurtosis = kurt, psr = psr_of(bench), dsr = psr_of(sr0),
  mean_return = m, sd_return = s)
for (name in names(out)) cat(name, ",", sprintf("%.17g", out[[name]]), "\n", sep = "")
