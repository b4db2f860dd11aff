'use client';

import type { ComponentProps } from 'react';
import { Switch as SwitchPrimitive } from 'radix-ui';

/** Radix Switch (a button with role="switch"); label it with a <label htmlFor> or aria-label. */
export function Switch({ className, ...props }: Omit<ComponentProps<typeof SwitchPrimitive.Root>, 'children'>) {
  return (
    <SwitchPrimitive.Root {...props} className={`switch${className ? ` ${className}` : ''}`}>
      <SwitchPrimitive.Thumb className="switch-thumb" />
    </SwitchPrimitive.Root>
  );
}
