'use client';

import type { ComponentProps } from 'react';
import { Popover as PopoverPrimitive } from 'radix-ui';

/** Radix Popover: opens from its trigger, closes on Escape or a click outside, and gives the focus back. */
export const Popover = PopoverPrimitive.Root;
export const PopoverTrigger = PopoverPrimitive.Trigger;

/**
 * The floating panel, in our card style. Rendered in place rather than in a portal, so that the
 * Tab order runs from the trigger into the panel and on to the rest of the page.
 */
export function PopoverContent({ className, ...props }: ComponentProps<typeof PopoverPrimitive.Content>) {
  return <PopoverPrimitive.Content sideOffset={6} align="end" collisionPadding={12} {...props} className={`card popover-content${className ? ` ${className}` : ''}`} />;
}
