/** Indonesian formats live in core so the server's PDF reports and the web write them the same way. */
export { formatDate, formatDateTime, formatNumber, formatRupiah } from '@sinergi/core';
