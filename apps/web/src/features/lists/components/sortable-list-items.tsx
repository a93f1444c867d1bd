import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  type ScreenReaderInstructions,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { ListItem } from '@nano/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { languageName } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { ArrowDownIcon, ArrowUpIcon, GripIcon } from '../../../shared/ui/icons.tsx';
import { moveItem } from '../api/reorder-list-items.ts';
import classes from './sortable-list-items.module.css';

interface RowProps {
  item: ListItem;
  position: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (item: ListItem) => void;
  removing: boolean;
}

/** What a row says about its Nano: title (link), creator, level, duration, language; or that it is gone. */
function ItemInfo({ item }: { item: ListItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nano } = item;
  if (!nano) {
    return (
      <Stack gap={4} className={classes.unavailable}>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Text>
        <Badge color="gray.7" variant="outline" size="sm">
          {t('lists.detail.unavailable')}
        </Badge>
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      <Anchor
        component={Link}
        to={paths.nanoDetail.getHref(nano.id)}
        fw={600}
        style={{ overflowWrap: 'anywhere' }}
      >
        {nano.title}
      </Anchor>
      <Text size="sm" c="dimmed">
        {nano.creator.displayName}
      </Text>
      <Text size="sm">
        {[
          t(`nanoLevel.${nano.level}`),
          t('nano.minutes', { count: nano.durationMinutes }),
          languageName(nano.language, locale),
        ].join(' · ')}
      </Text>
    </Stack>
  );
}

/** One entry: the drag handle, thumbnail, facts, "move up/down" (without dragging) and "remove". */
function SortableRow({ item, position, count, onMove, onRemove, removing }: RowProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: item.nanoId });
  const title = item.nano?.title ?? item.title;
  const index = position - 1;
  const atTop = index === 0;
  const atBottom = index === count - 1;
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  // Moving the row in the DOM can drop the focus; the arrow that was used gets it back once the
  // row has moved (checked after every render: the new order arrives a moment after the click).
  const pendingFocus = useRef<{ direction: 'up' | 'down'; from: number } | null>(null);
  useEffect(() => {
    const pending = pendingFocus.current;
    if (pending && pending.from !== position) {
      (pending.direction === 'up' ? upRef : downRef).current?.focus();
      pendingFocus.current = null;
    }
  });
  const moveBy = (direction: 'up' | 'down') => {
    if (direction === 'up' ? atTop : atBottom) {
      return;
    }
    pendingFocus.current = { direction, from: position };
    onMove(index, direction === 'up' ? index - 1 : index + 1);
  };
  return (
    <li
      ref={setNodeRef}
      className={classes.row}
      data-dragging={isDragging || undefined}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      <Paper withBorder radius="md" p="xs" className={classes.paper}>
        <Group gap="sm" wrap="nowrap" align="center">
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray"
            size="lg"
            className={classes.handle}
            {...attributes}
            {...listeners}
            aria-label={t('lists.detail.dragHandle', { title, position, total: count })}
          >
            <GripIcon />
          </ActionIcon>
          <Text size="sm" c="dimmed" w={24} ta="right" aria-hidden="true">
            {position}
          </Text>
          {item.nano?.thumbnailUrl ? (
            <img src={item.nano.thumbnailUrl} alt="" loading="lazy" className={classes.thumbnail} />
          ) : (
            <div className={classes.thumbnail} />
          )}
          <div className={classes.body}>
            <div className={classes.info}>
              <ItemInfo item={item} />
            </div>
            <Group gap={4} wrap="nowrap" className={classes.actions}>
              <ActionIcon
                ref={upRef}
                variant="subtle"
                color="gray"
                aria-label={t('lists.detail.moveUp', { title })}
                aria-disabled={atTop}
                data-disabled={atTop || undefined}
                onClick={() => moveBy('up')}
              >
                <ArrowUpIcon />
              </ActionIcon>
              <ActionIcon
                ref={downRef}
                variant="subtle"
                color="gray"
                aria-label={t('lists.detail.moveDown', { title })}
                aria-disabled={atBottom}
                data-disabled={atBottom || undefined}
                onClick={() => moveBy('down')}
              >
                <ArrowDownIcon />
              </ActionIcon>
              <Button variant="default" size="xs" loading={removing} onClick={() => onRemove(item)}>
                {t('lists.detail.remove')}
                <VisuallyHidden>{`: ${title}`}</VisuallyHidden>
              </Button>
            </Group>
          </div>
        </Group>
      </Paper>
    </li>
  );
}

interface SortableListItemsProps {
  items: ListItem[];
  /** Called with every item in the new order. */
  onReorder: (items: ListItem[]) => void;
  onRemove: (item: ListItem) => void;
  /** The Nano id being removed right now. */
  removingId: string | undefined;
  labelledBy: string;
}

/**
 * The list's entries in order. Rows move by dragging the handle (mouse, touch, or keyboard:
 * space, arrows, space) or with the arrow buttons; screen readers hear where a row is.
 */
export function SortableListItems({
  items,
  onReorder,
  onRemove,
  removingId,
  labelledBy,
}: SortableListItemsProps) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map((item) => item.nanoId);
  const titleOf = (id: UniqueIdentifier) => {
    const item = items.find((candidate) => candidate.nanoId === id);
    return item?.nano?.title ?? item?.title ?? '';
  };
  const positionOf = (id: UniqueIdentifier) => ids.indexOf(String(id)) + 1;

  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('lists.dnd.start', { title: titleOf(active.id), position: positionOf(active.id), total: ids.length }),
    onDragOver: ({ active, over }) =>
      over
        ? t('lists.dnd.over', { title: titleOf(active.id), position: positionOf(over.id), total: ids.length })
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('lists.dnd.end', { title: titleOf(active.id), position: positionOf(over.id), total: ids.length })
        : undefined,
    onDragCancel: ({ active }) =>
      t('lists.dnd.cancel', { title: titleOf(active.id), position: positionOf(active.id) }),
  };
  const screenReaderInstructions: ScreenReaderInstructions = { draggable: t('lists.dnd.instructions') };

  const move = (from: number, to: number) => {
    if (from !== to) {
      onReorder(moveItem(items, from, to));
    }
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) {
      move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    }
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <Stack component="ol" gap="xs" aria-labelledby={labelledBy} className={classes.list}>
          {items.map((item, index) => (
            <SortableRow
              key={item.nanoId}
              item={item}
              position={index + 1}
              count={items.length}
              onMove={move}
              onRemove={onRemove}
              removing={removingId === item.nanoId}
            />
          ))}
        </Stack>
      </SortableContext>
    </DndContext>
  );
}
