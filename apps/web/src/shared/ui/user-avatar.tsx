import { Avatar, type MantineSize } from '@mantine/core';

/** Up to two initials of a display name ("Anna Beispiel" → "AB"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : [words[0]];
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toUpperCase();
}

interface UserAvatarProps {
  name: string;
  url: string | null;
  size?: MantineSize | number;
}

/**
 * A user's picture, or their initials. Decorative: the name always stands next to it, so
 * screen readers do not hear it twice.
 */
export function UserAvatar({ name, url, size = 'md' }: UserAvatarProps) {
  return (
    <Avatar src={url} size={size} radius="50%" color="blue" variant="filled" alt="" aria-hidden="true">
      {initialsOf(name)}
    </Avatar>
  );
}
