/**
 * A real tldraw store for Node tests (the `tldraw` UI package does not import in Node; the
 * store and schema packages do) and note records to put in it.
 */
import { Store } from '@tldraw/store'
import { createTLSchema, type TLRecord, type TLShapeId, type TLStore } from '@tldraw/tlschema'

export function createTestStore(): TLStore {
  return new Store({
    schema: createTLSchema(),
    props: {
      defaultName: '',
      assets: {
        upload: async () => ({ src: '' }),
        resolve: (asset) => asset.props.src,
        remove: async () => {},
      },
      onMount: () => {},
    },
  })
}

export function richText(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] }
}

/** A note shape on the default page, valid for tldraw 3.15's schema. */
export function noteRecord(id: string, options: { x?: number; y?: number; text?: string; color?: string } = {}): TLRecord {
  return {
    id: id as TLShapeId,
    typeName: 'shape',
    type: 'note',
    x: options.x ?? 0,
    y: options.y ?? 0,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: options.color ?? 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: richText(options.text ?? ''),
      scale: 1,
    },
  } as unknown as TLRecord
}

/** A geo rectangle (what a template frame or zone looks like). */
export function rectangleRecord(id: string, x = 0, y = 0): TLRecord {
  return {
    id: id as TLShapeId,
    typeName: 'shape',
    type: 'geo',
    x,
    y,
    rotation: 0,
    index: 'a0',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      geo: 'rectangle', w: 400, h: 300, color: 'black', labelColor: 'black', fill: 'none', dash: 'draw',
      size: 'm', font: 'draw', align: 'middle', verticalAlign: 'middle', growY: 0, url: '', scale: 1,
      richText: richText(''),
    },
  } as unknown as TLRecord
}

/** Reads a shape from a store, typed loosely for assertions. */
export function shapeOf(store: TLStore, id: string): (TLRecord & { x: number; y: number; props: Record<string, unknown> }) | undefined {
  return store.get(id as TLShapeId) as never
}
