import { NumberInput, type NumberInputProps } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import 'dayjs/locale/id';
import { parseIndonesianDate, todayIn } from '@sinergi/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The one set of inputs every form uses for numbers and dates, typed the Indonesian way:
 * `Rp150.000.000`, `2,5`, `-8,0085` (or `-8.0085` for a coordinate), `17 Agustus 2026`.
 *
 * Each field keeps what the person is typing ("-8," is not a number yet, and must not clear the
 * field) and tells the form a number only when there is one; an empty field is `''`, which the
 * form's schema reads as "wajib diisi" rather than a made-up -1. `data-input-kind` names the kind,
 * so the browser test finds every such field in the app and types into it.
 */
export type NumberValue = number | '';
export type InputKind = 'rupiah' | 'integer' | 'decimal' | 'percent' | 'coordinate' | 'year';

type Shared = Omit<NumberInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  value: NumberValue | null | undefined;
  onChange: (value: NumberValue) => void;
};

/** Grouping with `.`, decimals with `,`: a `.` typed in such a field is grouping, never a decimal point. */
const grouped: Partial<NumberInputProps> = {
  thousandSeparator: '.',
  decimalSeparator: ',',
  allowedDecimalSeparators: [','],
};

const kinds: Record<InputKind, Partial<NumberInputProps>> = {
  // The largest rupiah amount a form takes: Rp1.000 triliun, far above any kabupaten budget, and
  // exact in a JavaScript number.
  rupiah: {
    ...grouped,
    prefix: 'Rp',
    allowDecimal: false,
    allowNegative: false,
    max: 1e15,
    clampBehavior: 'strict',
  },
  integer: { ...grouped, allowDecimal: false, allowNegative: false, max: 1e12, clampBehavior: 'strict' },
  decimal: { ...grouped, decimalScale: 4, max: 1e12, min: -1e12, clampBehavior: 'strict' },
  percent: {
    ...grouped,
    decimalScale: 2,
    suffix: ' %',
    allowNegative: false,
    min: 0,
    max: 100,
    clampBehavior: 'strict',
  },
  // Coordinates have no grouping, so either separator is the decimal point.
  coordinate: {
    decimalSeparator: ',',
    allowedDecimalSeparators: ['.', ','],
    decimalScale: 6,
    min: -180,
    max: 180,
    clampBehavior: 'strict',
  },
  year: { allowDecimal: false, allowNegative: false, thousandSeparator: false, maxLength: 4 },
};

/**
 * The number a partly typed text already means ("2," is 2, "-8,00" is -8), so a form that turns an
 * empty value into 0 does not wipe what is being typed; only "" and "-" mean no number yet. The
 * text comes from the input library already unformatted, with "." as its decimal point.
 */
function partialNumber(text: string): NumberValue {
  const n = Number.parseFloat(text);
  return Number.isFinite(n) ? n : '';
}

function LocalNumber({ kind, value, onChange, onBlur, ...props }: Shared & { kind: InputKind }) {
  const outside = value ?? '';
  const [text, setText] = useState<string | number>(outside);
  const reported = useRef<NumberValue>(outside);
  // Set while the form answers this field's own change, so the form's answer (a form may turn an
  // empty field into 0) does not replace what is being typed.
  const answering = useRef(false);
  // A value set from outside (a kamus entry fills the cost, a form is reset) replaces the text;
  // the value this field reported itself does not, so "2," stays on screen while it is typed.
  useEffect(() => {
    if (outside !== reported.current) {
      reported.current = outside;
      if (!answering.current) setText(outside);
    }
  }, [outside]);
  useEffect(() => {
    answering.current = false;
  });
  return (
    <NumberInput
      {...kinds[kind]}
      inputMode={kind === 'rupiah' || kind === 'integer' || kind === 'year' ? 'numeric' : 'decimal'}
      {...props}
      data-input-kind={kind}
      data-max={props.max ?? kinds[kind].max}
      value={text}
      onChange={(v) => {
        setText(v);
        const number = typeof v === 'number' ? (Number.isFinite(v) ? v : '') : partialNumber(v);
        reported.current = number;
        answering.current = true;
        onChange(number);
      }}
      // A field holding 0 (a form's starting value) has it selected as it is entered, so what is
      // typed replaces it: typed after it, 150000000 showed as Rp0150.000.000.
      onFocus={(event) => {
        if (Number(text) === 0 && text !== '') event.currentTarget.select();
        props.onFocus?.(event);
      }}
      // Leaving the field shows what the form holds, so nothing is saved that is not on screen.
      onBlur={(event) => {
        if (reported.current !== outside || (text === '' && outside !== '')) setText(outside);
        onBlur?.(event);
      }}
    />
  );
}

/** Rupiah: whole rupiah, grouped with dots as they are typed (`Rp150.000.000`). */
export function RupiahInput(props: Shared) {
  return <LocalNumber kind="rupiah" {...props} />;
}

/** A count of people, units or sessions: whole numbers, grouped with dots. */
export function IntegerInput(props: Shared) {
  return <LocalNumber kind="integer" {...props} />;
}

/** A decimal number: `,` before the decimals, `.` grouping (`1.200` is twelve hundred, `2,5` two and a half). */
export function DecimalInput(props: Shared) {
  return <LocalNumber kind="decimal" {...props} />;
}

/** A percentage from 0 to 100, with a decimal comma. */
export function PercentInput(props: Shared) {
  return <LocalNumber kind="percent" {...props} />;
}

/** Latitude or longitude in degrees: `-8,0085` and `-8.0085` are the same point. */
export function CoordinateInput(props: Shared) {
  return <LocalNumber kind="coordinate" {...props} />;
}

/** A year, limited to a plan's period where there is one (`min`/`max`). */
export function YearInput(props: Shared) {
  return <LocalNumber kind="year" {...props} />;
}

/** Today in the office's time zone (WIB unless the kabupaten says otherwise). */
export function today(timeZone?: string): string {
  return todayIn(timeZone);
}

type DateProps = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  value: string | null | undefined;
  onChange: (value: string) => void;
};

/**
 * A date typed as an office types it (`17/08/2026`, `17 Agustus 2026`) or picked on an Indonesian
 * calendar; the form gets YYYY-MM-DD, or '' while the field is empty or not yet a date.
 */
export function DateField({ value, onChange, ...props }: DateProps) {
  const { i18n } = useTranslation();
  return (
    <DateInput
      valueFormat="D MMMM YYYY"
      locale={i18n.language === 'en' ? 'en' : 'id'}
      dateParser={(text) => parseIndonesianDate(text)}
      clearable
      {...props}
      data-input-kind="date"
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
    />
  );
}

/**
 * For a Mantine layout rendered as a form (`<Stack component="form">`), whose props do not name
 * `noValidate`: the browser's own "Please fill out this field" (in the browser's language) must not
 * stop the form before its schema names the problem in the interface's language.
 */
export const noNativeCheck: object = { noValidate: true };
