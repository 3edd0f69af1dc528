import { Injectable } from '@nestjs/common';

/** The time, injected so that tests can stand on a given day. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}
