import { createContext, useContext, useMemo, useRef, type CSSProperties, type ElementType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type Announcements, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { moveRecord, type YCollection } from '../../shared/doc/collection';
import { endUndoStep } from '../hooks/undoSteps';

/**
 * Drag-to-reorder for the records of one collection (dnd-kit). A drag handle in each item is a
 * button: the mouse drags it, and the keyboard picks it up with Space or Enter, moves it with the
 * arrow keys and drops it with Space or Enter (Escape cancels); screen readers hear where it is
 * in the reader's language. A drop is one `moveRecord` with origin 'user' — the same write the
 * ↑/↓ buttons make (a fractional order, one field), so undo and sync treat it alike.
 */
export function SortableRecords({ coll, ids, nameOf, children }: { coll: YCollection | null | undefined; ids: string[]; nameOf: (id: string) => string; children: ReactNode }) {
  const { t } = useTranslation('playbook');
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const label = (id: UniqueIdentifier) => nameOf(String(id)) || t('untitled');
  const position = (id: UniqueIdentifier | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  // dnd-kit reports the item over itself right after the pick-up; saying so would replace the
  // pick-up message (with the instructions) before a screen reader reads it.
  const justPicked = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      justPicked.current = true;
      return t('drag.picked', { name: label(active.id), position: position(active.id), count: ids.length });
    },
    onDragOver: ({ active, over }) => {
      const first = justPicked.current;
      justPicked.current = false;
      if (first && over?.id === active.id) return undefined;
      return over ? t('drag.over', { name: label(active.id), position: position(over.id), count: ids.length }) : t('drag.outside', { name: label(active.id) });
    },
    onDragEnd: ({ active, over }) => (over ? t('drag.dropped', { name: label(active.id), position: position(over.id), count: ids.length }) : t('drag.cancelled', { name: label(active.id), position: position(active.id) })),
    onDragCancel: ({ active }) => t('drag.cancelled', { name: label(active.id), position: position(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!coll || !over || active.id === over.id) return;
    const to = ids.indexOf(String(over.id));
    if (to < 0) return;
    // A drop is one undo step of its own, even right after another edit.
    endUndoStep();
    moveRecord(coll, String(active.id), to, 'user');
    endUndoStep();
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t('drag.instructions') } }}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

type HandleProps = Record<string, unknown> & { ref: (el: HTMLElement | null) => void };
const HandleContext = createContext<HandleProps | null>(null);

/** One sortable item (an `li` unless `as` says otherwise); its `DragHandle` moves it. */
export function SortableItem({ id, as, className, children, ...rest }: { id: string; as?: ElementType; className?: string; children: ReactNode } & Record<string, unknown>) {
  const { t } = useTranslation('playbook');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, attributes: { roleDescription: t('drag.roleDescription') } });
  const Tag = as ?? 'li';
  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition, position: isDragging ? 'relative' : undefined, zIndex: isDragging ? 2 : undefined };
  const handle = useMemo<HandleProps>(() => ({ ...attributes, ...listeners, ref: setActivatorNodeRef }), [attributes, listeners, setActivatorNodeRef]);
  return (
    <Tag ref={setNodeRef} style={style} className={[className, isDragging ? 'is-dragging' : ''].filter(Boolean).join(' ') || undefined} {...rest}>
      <HandleContext.Provider value={handle}>{children}</HandleContext.Provider>
    </Tag>
  );
}

/** The drag handle of the enclosing `SortableItem`; nothing outside one. */
export function DragHandle({ name }: { name: string }) {
  const { t } = useTranslation('playbook');
  const handle = useContext(HandleContext);
  if (!handle) return null;
  const { ref, ...props } = handle;
  const label = t('drag.handle', { name: name || t('untitled') });
  return (
    <button type="button" className="drag-handle" title={label} {...props} aria-label={label} ref={ref} data-testid="drag-handle">
      <span aria-hidden="true">⠿</span>
    </button>
  );
}
