import type { ReactNode } from 'react';

/**
 * The few icons the app draws, as inline SVG (no icon font, nothing from a CDN, and no emoji,
 * which systems without an emoji font show as empty boxes). Decorative: the text next to them,
 * or the button's label, says what they mean.
 */

interface IconProps {
  size?: number;
}

function Svg({ size = 20, children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** A bell, for notifications. */
export function BellIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </Svg>
  );
}

/** An arrow into a tray, for uploads. */
export function UploadIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4" />
      <path d="M17 8l-5-5-5 5" />
      <path d="M12 3v12" />
    </Svg>
  );
}

/** A magnifying glass, for search buttons and links. */
export function SearchIcon({ size = 18 }: IconProps) {
  return (
    <Svg size={size}>
      <circle cx="11" cy="11" r="7" />
      <path d="M20 20l-3.5-3.5" />
    </Svg>
  );
}

/** A heart, for favourites; filled while the Nano is a favourite. */
export function HeartIcon({ size = 18, filled = false }: IconProps & { filled?: boolean }) {
  return (
    <Svg size={size}>
      <path
        d="M19 14c1.49-1.46 3-3.21 3-5.5A5.5 5.5 0 0 0 16.5 3c-1.76 0-3 .5-4.5 2-1.5-1.5-2.74-2-4.5-2A5.5 5.5 0 0 0 2 8.5c0 2.3 1.5 4.05 3 5.5l7 7Z"
        fill={filled ? 'currentColor' : 'none'}
      />
    </Svg>
  );
}

/** Lines with a plus, for "add to a list". */
export function ListPlusIcon({ size = 18 }: IconProps) {
  return (
    <Svg size={size}>
      <path d="M11 12H3" />
      <path d="M16 6H3" />
      <path d="M16 18H3" />
      <path d="M18 9v6" />
      <path d="M21 12h-6" />
    </Svg>
  );
}

/** Six dots, the handle to drag a row by. */
export function GripIcon({ size = 18 }: IconProps) {
  return (
    <Svg size={size}>
      <circle cx="9" cy="5" r="1" />
      <circle cx="9" cy="12" r="1" />
      <circle cx="9" cy="19" r="1" />
      <circle cx="15" cy="5" r="1" />
      <circle cx="15" cy="12" r="1" />
      <circle cx="15" cy="19" r="1" />
    </Svg>
  );
}

/** An arrow up, for "move up" in ordered lists. */
export function ArrowUpIcon({ size = 16 }: IconProps) {
  return (
    <Svg size={size}>
      <path d="M12 19V5" />
      <path d="M5 12l7-7 7 7" />
    </Svg>
  );
}

/** An arrow down, for "move down" in ordered lists. */
export function ArrowDownIcon({ size = 16 }: IconProps) {
  return (
    <Svg size={size}>
      <path d="M12 5v14" />
      <path d="M19 12l-7 7-7-7" />
    </Svg>
  );
}

/** A speech bubble, for chats and messages. */
export function ChatIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
    </Svg>
  );
}

/** A crossed-out bell, for muted conversations. */
export function BellOffIcon({ size = 16 }: IconProps) {
  return (
    <Svg size={size}>
      <path d="M8.7 3A6 6 0 0 1 18 8a21.3 21.3 0 0 0 .6 5" />
      <path d="M17 17H3s3-2 3-9a4.67 4.67 0 0 1 .3-1.7" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      <path d="m2 2 20 20" />
    </Svg>
  );
}

/** A smiling face, for the emoji picker. */
export function SmileIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="12" cy="12" r="10" />
      <path d="M8 14s1.5 2 4 2 4-2 4-2" />
      <path d="M9 9h.01" />
      <path d="M15 9h.01" />
    </Svg>
  );
}
