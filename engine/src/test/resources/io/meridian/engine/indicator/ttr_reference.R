# Reference values for Meridian's indicator catalogue, computed with R's TTR package (Debian: r-cran-ttr).
# Usage: Rscript ttr_reference.R IN.csv OUT.csv
#        Rscript ttr_reference.R --ttrc OUT.csv   (writes TTR's bundled ttrc daily OHLCV as an input file)
#        Rscript ttr_reference.R --dax OUT.csv    (writes R's EuStockMarkets DAX daily closes as close-only bars)
# IN.csv has the columns session,open,high,low,close,volume. OUT.csv has one column per Meridian output name,
# empty where TTR gives NA, numbers with 17 significant digits. Run by TtrParityTest at test time.
suppressPackageStartupMessages(library(TTR))
args <- commandArgs(trailingOnly = TRUE)
if (args[1] == "--ttrc") {
  data(ttrc, package = "TTR")
  out <- data.frame(session = seq_len(nrow(ttrc)), open = ttrc$Open, high = ttrc$High, low = ttrc$Low,
                    close = ttrc$Close, volume = ttrc$Volume)
  write.csv(format(out, digits = 17), args[2], row.names = FALSE, quote = FALSE)
  quit(status = 0)
}
if (args[1] == "--dax") {
  dax <- as.numeric(datasets::EuStockMarkets[, "DAX"])
  # the dataset has no volume: a deterministic stand-in (1000..1999) so that volume indicators stay defined
  vol <- 1000 + (seq_along(dax) * 7919) %% 1000
  out <- data.frame(session = seq_along(dax), open = dax, high = dax, low = dax, close = dax, volume = vol)
  write.csv(format(out, digits = 17), args[2], row.names = FALSE, quote = FALSE)
  quit(status = 0)
}
d <- read.csv(args[1])
O <- d$open; H <- d$high; L <- d$low; C <- d$close; V <- d$volume
HL <- cbind(H, L); HLC <- cbind(H, L, C); OHLC <- cbind(O, H, L, C)
tp <- (H + L + C) / 3
r <- list()
r$sma_20 <- SMA(C, 20)
r$ema_20 <- EMA(C, 20)
r$wma_20 <- WMA(C, 20)
r$dema_20 <- DEMA(C, 20)
e1 <- EMA(C, 20); e2 <- EMA(e1, 20); e3 <- EMA(e2, 20)
r$tema_20 <- 3 * e1 - 3 * e2 + e3
m <- MACD(C, 12, 26, 9, percent = FALSE)
r$macd_12_26_9 <- m[, "macd"]; r$macd_signal_12_26_9 <- m[, "signal"]
r$macd_hist_12_26_9 <- m[, "macd"] - m[, "signal"]
a <- ADX(HLC, 14)
r$adx_14 <- a[, "ADX"]; r$plus_di_14 <- a[, "DIp"]; r$minus_di_14 <- a[, "DIn"]
ar <- aroon(HL, 25)
r$aroon_up_25 <- ar[, "aroonUp"]; r$aroon_down_25 <- ar[, "aroonDn"]; r$aroon_osc_25 <- ar[, "oscillator"]
# TTR's SAR starts one whole-series SD below the first low (look-ahead) and caps the acceleration only when it
# equals the maximum exactly: call its C routine with a start gap of 0 and steps exact in binary (1/16, max 1/4)
r$psar_0.0625_0.25 <- as.vector(.Call("sar", H, L, c(0.0625, 0.25), 0, PACKAGE = "TTR"))
# The default SAR(accel = c(0.02, 0.2)): 0.02 added to itself nine times is 0.19999999999999998 in binary, never
# 0.2, so TTR's "af == max" test never caps it; pass that reachable value as the maximum so TTR caps where Meridian's
# min(af + step, 0.2) does (the two accelerations then differ by 3e-17, far below the 1e-9 tolerance)
amax <- 0.02
for (i in 1:9) amax <- 0.02 + amax
r$psar_0.02_0.2 <- as.vector(.Call("sar", H, L, c(0.02, amax), 0, PACKAGE = "TTR"))
dc <- DonchianChannel(HL, 20)
r$donchian_upper_20 <- dc[, "high"]; r$donchian_middle_20 <- dc[, "mid"]; r$donchian_lower_20 <- dc[, "low"]
k <- keltnerChannels(HLC, 20, atr = 2)
r$keltner_lower_20_2 <- k[, "dn"]; r$keltner_middle_20_2 <- k[, "mavg"]; r$keltner_upper_20_2 <- k[, "up"]
r$rsi_14 <- RSI(C, 14)
s <- stoch(HLC, 14, 3, 3)
r$stoch_k_14 <- s[, "fastK"]; r$stoch_d_14_3 <- s[, "fastD"]
r$willr_14 <- WPR(HLC, 14)
r$cci_20 <- CCI(HLC, 20)
r$roc_10 <- ROC(C, 10, type = "discrete")
r$momentum_10 <- momentum(C, 10)
# MFI of the typical price computed as (H + L + C) / 3: TTR averages HLC with mean(), whose long-double sum can
# differ by an ulp from the double formula and flip "equal typical price" into a rise or fall at cent prices
r$mfi_14 <- MFI(tp, V, 14)
tx <- TRIX(C, 15, 9)[, "TRIX"]
r$trix_15_9 <- tx
r$trix_signal_15_9 <- EMA(tx, 9)   # TTR's TRIX smooths its signal with n, not nSig
r$ultosc_7_14_28 <- ultimateOscillator(HLC)
at <- ATR(HLC, 14)
r$true_range <- at[, "tr"]; r$atr_14 <- at[, "atr"]
b <- BBands(C, 20, sd = 2)
r$bb_lower_20_2 <- b[, "dn"]; r$bb_middle_20_2 <- b[, "mavg"]; r$bb_upper_20_2 <- b[, "up"]
r$bb_pctb_20_2 <- b[, "pctB"]; r$bb_width_20_2 <- (b[, "up"] - b[, "dn"]) / b[, "mavg"]
r$stdev_20 <- runSD(C, 20)
r$zscore_20 <- (C - runMean(C, 20)) / runSD(C, 20)
r$rv_close_20_260 <- volatility(OHLC, 20, calc = "close", N = 260)
r$rv_parkinson_20_260 <- volatility(OHLC, 20, calc = "parkinson", N = 260)
r$rv_gk_20_260 <- volatility(OHLC, 20, calc = "garman.klass", N = 260)
r$rv_rs_20_260 <- volatility(OHLC, 20, calc = "rogers.satchell", N = 260)
r$rv_yz_20_260 <- volatility(OHLC, 20, calc = "yang.zhang", N = 260)
r$obv <- OBV(C, V)
r$chaikin_ad <- chaikinAD(HLC, V)
r$cmf_20 <- CMF(HLC, V, 20)
r$vwap_20 <- VWAP(tp, V, 20)
r$vwap_session <- ave(tp * V, d$session, FUN = cumsum) / ave(V, d$session, FUN = cumsum)
r$volume_zscore_20 <- (V - runMean(V, 20)) / runSD(V, 20)
out <- as.data.frame(lapply(r, function(x) {
  x <- as.numeric(x)
  ifelse(is.na(x), "", formatC(x, digits = 17, format = "g"))
}), check.names = FALSE)
write.csv(out, args[2], row.names = FALSE, quote = FALSE)
