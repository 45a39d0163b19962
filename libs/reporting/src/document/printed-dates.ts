const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthName = (month: number): string => MONTHS[month - 1];

/** '2023-07-31' -> '31 July 2023', as the certificate form and the return write dates. */
export const longDate = (isoDate: string): string => {
  const [year, month, day] = isoDate.split('-');
  return `${Number(day)} ${monthName(Number(month))} ${year}`;
};

/** '2022-02' -> 'February 2022'. */
export const longMonth = (month: string): string => {
  const [year, number] = month.split('-');
  return `${monthName(Number(number))} ${year}`;
};
